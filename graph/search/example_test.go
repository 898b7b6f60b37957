package search_test

import (
	"context"
	"fmt"
	"log"

	"github.com/eurel/eurel/graph/search"
)

// The life of an index: open it, fill it from the graph when Open created it, then keep
// it up to date and search it.
func Example() {
	ix, created, err := search.Open("") // a directory in real use
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	if created {
		err := ix.Put([]search.Entry{
			{ID: "1b4e28ba-2fa1-11d2-883f-0016d3cca427", Kind: "Demand", Texts: []search.Text{
				{Field: "text", Lang: "fr", Value: "Demande la libération immédiate de tous les prisonniers politiques."},
			}},
			{ID: "6fa459ea-ee8a-3ca4-894e-db77e160355e", Kind: "Resolution", Texts: []search.Text{
				{Field: "title", Lang: "en", Value: "Resolution on the situation of refugees in Lebanon"},
				{Field: "title", Lang: "fr", Value: "Résolution sur la situation des réfugiés au Liban"},
			}},
		})
		if err != nil {
			log.Fatal(err)
		}
	}

	page, err := ix.Search(context.Background(), search.Query{Text: "refugies"})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range page.Hits {
		fmt.Println(h.Kind, h.Field, h.Snippet)
	}
	// Output:
	// Resolution title Résolution sur la situation des <mark>réfugiés</mark> au Liban
}
