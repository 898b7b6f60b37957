package extract

import (
	"github.com/eurel/eurel/graph"
)

// stanceVerbs are the verbs of position of each language, folded: "Parliament strongly
// condemns", "The resolution strongly criticised", "Le Parlement a souligné", "Members
// consider". Base forms serve plural subjects ("Members condemn") and are refused after
// "to" or a modal (see nounOrInfinitive). French past participles fold like the present
// ("condamné" → "condamne"): "a condamné" is the same stance, and the passive ("a été
// condamné") is refused.
var stanceVerbs = map[string]map[string]graph.StanceKind{"en": {
	"condemns": graph.StanceCondemns, "condemned": graph.StanceCondemns, "condemn": graph.StanceCondemns,
	"denounces": graph.StanceCondemns, "denounced": graph.StanceCondemns, "denounce": graph.StanceCondemns,
	"deplores": graph.StanceDeplores, "deplored": graph.StanceDeplores, "deplore": graph.StanceDeplores,
	"regrets": graph.StanceRegrets, "regretted": graph.StanceRegrets, "regret": graph.StanceRegrets,
	"criticises": graph.StanceCriticises, "criticised": graph.StanceCriticises, "criticise": graph.StanceCriticises,
	"criticizes": graph.StanceCriticises, "criticized": graph.StanceCriticises, "criticize": graph.StanceCriticises,
	"welcomes": graph.StanceWelcomes, "welcomed": graph.StanceWelcomes, "welcome": graph.StanceWelcomes,
	"commends": graph.StanceWelcomes, "commended": graph.StanceWelcomes, "commend": graph.StanceWelcomes,
	"supports": graph.StanceSupports, "supported": graph.StanceSupports,
	"stresses": graph.StanceStresses, "stressed": graph.StanceStresses, "stress": graph.StanceStresses,
	"underlines": graph.StanceStresses, "underlined": graph.StanceStresses, "underline": graph.StanceStresses,
	"emphasises": graph.StanceStresses, "emphasised": graph.StanceStresses, "emphasise": graph.StanceStresses,
	"emphasizes": graph.StanceStresses, "emphasized": graph.StanceStresses, "emphasize": graph.StanceStresses,
	"highlights": graph.StanceStresses, "highlighted": graph.StanceStresses, "highlight": graph.StanceStresses,
	"considers": graph.StanceOther, "considered": graph.StanceOther, "consider": graph.StanceOther,
	"believes": graph.StanceOther, "believed": graph.StanceOther, "believe": graph.StanceOther,
	"recalls": graph.StanceOther, "recalled": graph.StanceOther, "recall": graph.StanceOther,
	"notes": graph.StanceOther, "noted": graph.StanceOther,
	"reiterates": graph.StanceOther, "reiterated": graph.StanceOther,
	"acknowledges": graph.StanceOther, "acknowledged": graph.StanceOther,
	"concerned": graph.StanceConcerned, "alarmed": graph.StanceConcerned, "worried": graph.StanceConcerned,
}, "fr": {
	"condamne": graph.StanceCondemns, "condamnent": graph.StanceCondemns,
	"denonce": graph.StanceCondemns, "denoncent": graph.StanceCondemns,
	"deplore": graph.StanceDeplores, "deplorent": graph.StanceDeplores,
	"regrette": graph.StanceRegrets, "regrettent": graph.StanceRegrets,
	"critique": graph.StanceCriticises, "critiquent": graph.StanceCriticises,
	"salue": graph.StanceWelcomes, "saluent": graph.StanceWelcomes, "felicite": graph.StanceWelcomes,
	"felicitent": graph.StanceWelcomes,
	"soutient":   graph.StanceSupports, "soutiennent": graph.StanceSupports,
	"appuie": graph.StanceSupports, "appuient": graph.StanceSupports,
	"souligne": graph.StanceStresses, "soulignent": graph.StanceStresses,
	"estime": graph.StanceOther, "estiment": graph.StanceOther, "considere": graph.StanceOther,
	"considerent": graph.StanceOther, "rappelle": graph.StanceOther, "rappellent": graph.StanceOther,
	"rappele": graph.StanceOther, "constate": graph.StanceOther, "constatent": graph.StanceOther,
	"preoccupe": graph.StanceConcerned, "preoccupee": graph.StanceConcerned, "preoccupes": graph.StanceConcerned,
	"preoccupees": graph.StanceConcerned, "inquiet": graph.StanceConcerned, "inquiete": graph.StanceConcerned,
	"inquietant": graph.StanceConcerned, "inquietante": graph.StanceConcerned, "inquietants": graph.StanceConcerned,
	"inquietantes": graph.StanceConcerned, "alarmant": graph.StanceConcerned, "alarmante": graph.StanceConcerned,
}}

// stanceNouns make a stance only after a verb of expression: "expressed (deep) concern",
// "exprime sa vive préoccupation", "expressed its solidarity".
var stanceNouns = map[string]graph.StanceKind{
	"concern": graph.StanceConcerned, "concerns": graph.StanceConcerned, "preoccupation": graph.StanceConcerned,
	"inquietude": graph.StanceConcerned, "solidarity": graph.StanceSupports, "solidarite": graph.StanceSupports,
	"support": graph.StanceSupports, "soutien": graph.StanceSupports, "condemnation": graph.StanceCondemns,
	"condamnation": graph.StanceCondemns, "regret": graph.StanceRegrets,
}

var expressionVerbs = map[string]bool{
	"expressed": true, "expresses": true, "express": true, "voiced": true, "voices": true, "reiterated": true,
	"reiterates": true, "reaffirmed": true, "reaffirms": true, "exprime": true, "expriment": true,
	"reitere": true, "reaffirme": true, "fait": true, "part": true,
}

// notingVerbs and notingNouns make a stance together: "takes note", « prend acte ».
var (
	notingVerbs = map[string]bool{"takes": true, "take": true, "took": true, "prend": true, "prennent": true}
	notingNouns = map[string]bool{"note": true, "acte": true}
)

// concernAux may precede "concerned", "alarmed", "préoccupé", "inquiet": "is deeply
// concerned", "remains alarmed", "est vivement préoccupé", "s'inquiète".
var concernAux = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "remains": true, "remained": true, "remain": true,
	"est": true, "sont": true, "etait": true, "reste": true, "demeure": true, "s": true, "'": true,
}

// stanceAt returns the kind of stance a verb of position at token i starts, if it starts
// one there: not after a determiner or preposition (a noun: "the support", "une critique"),
// "to" or a modal (an infinitive: "to condemn", "should consider"), a relative pronoun, nor
// in the passive ("was condemned", "a été condamné"), except the adjectives of concern.
func (d *doc) stanceAt(i int) (graph.StanceKind, bool) {
	f := d.toks[i].Fold
	if notingNouns[f] && notingVerbs[d.fold(i-1)] {
		return graph.StanceOther, true // "Takes note of", « Prend acte de »
	}
	if k, ok := stanceNouns[f]; ok {
		for j := i - 1; j >= 0 && j >= i-4; j-- {
			if expressionVerbs[d.toks[j].Fold] {
				return k, true
			}
		}
	}
	k, ok := stanceVerbs[d.lang][f]
	if !ok {
		return "", false
	}
	p := d.skipAdverbsBack(i - 1)
	if p < 0 {
		return k, true
	}
	pf := d.toks[p].Fold
	switch k {
	case graph.StanceConcerned:
		switch f {
		case "inquietant", "inquietante", "inquietants", "inquietantes", "alarmant", "alarmante":
			return k, true
		case "inquiete", "inquiet":
			return k, concernAux[pf] || pf == "se"
		}
		return k, concernAux[pf]
	}
	if f == "felicite" && pf == "est" && d.fold(p-1) == "'" && d.fold(p-2) == "s" {
		return k, true // "s'est félicité"
	}
	if d.nounOrInfinitive(p) || beAux[pf] {
		return "", false
	}
	if n := d.fold(i + 1); n == "by" || n == "par" {
		return "", false // a participle: "programmes supported by the EU", "soutenu par"
	}
	if pf == "se" || pf == "'" && d.fold(p-1) == "s" { // "se félicite", "s'est félicité"
		if f != "felicite" && f != "felicitent" {
			return "", false
		}
	}
	return k, true
}
