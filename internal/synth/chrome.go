package synth

import (
	"bytes"
	"strings"
)

// chrome is the markup of an OEIL page around its main content: the head, header and
// navigation before it, the footer and scripts after it. The document number appears in
// its links: head and foot are the markup cut where it goes.
type chrome struct {
	head, foot []string
}

func (c *chrome) writeHead(b *bytes.Buffer, id string) { writeSegments(b, c.head, id) }
func (c *chrome) writeFoot(b *bytes.Buffer, id string) { writeSegments(b, c.foot, id) }

func writeSegments(b *bytes.Buffer, segs []string, id string) {
	for k, s := range segs {
		if k > 0 {
			b.WriteString(id)
		}
		b.WriteString(s)
	}
}

// idMark stands for the document number while the chrome is built.
const idMark = "\x00"

// link is a navigation link: an address and its label in each language; {l} in the address
// is the language.
type link struct{ href, en, fr string }

func (l link) label(lang string) string {
	if lang == "fr" {
		return l.fr
	}
	return l.en
}

func (l link) url(lang string) string { return strings.ReplaceAll(l.href, "{l}", lang) }

const ep = "https://www.europarl.europa.eu"

// The links of the real page's header and footer.
var (
	topLinks = []link{
		{ep + "/news/{l}", "News", "Actualités"}, {ep + "/topics/{l}", "Topics", "Thématiques"},
		{ep + "/meps/{l}", "MEPs", "Députés"}, {ep + "/about-parliament/{l}", "About Parliament", "À propos du Parlement"},
		{ep + "/plenary/{l}", "Plenary", "Plénière"}, {ep + "/committees/{l}", "Committees", "Commissions"},
		{ep + "/delegations/{l}", "Delegations", "Délégations"}, {"https://eubudget.europarl.europa.eu/{l}", "EU budget", "Budget de l'UE"},
	}
	otherLinks = []link{
		{"https://multimedia.europarl.europa.eu/{l}/home", "Multimedia Centre", "Centre multimédia"},
		{ep + "/the-president/{l}", "Presidency", "Présidence"},
		{ep + "/the-secretary-general/{l}", "Secretariat-general", "Secrétariat général"},
		{"https://elections.europa.eu/{l}/", "Elections", "Élections"}, {ep + "/thinktank/{l}", "Thinktank", "Think tank"},
		{"https://www.epnewshub.eu", "EP Newshub", "EP Newshub"}, {ep + "/at-your-service/{l}", "At your service", "À votre service"},
		{ep + "/visiting/{l}", "Visits", "Visites"}, {"https://oeil.europarl.europa.eu/oeil/{l}", "Legislative Observatory", "Observatoire législatif"},
		{ep + "/legislative-train", "Legislative train", "Train législatif"},
		{ep + "/contracts-and-grants/{l}/", "Contracts and Grants", "Contrats et subventions"},
		{ep + "/RegistreWeb/home/welcome.htm?language={l}", "Register", "Registre"},
		{"https://data.europarl.europa.eu/{l}", "Open Data Portal", "Portail des données ouvertes"},
		{"https://liaison-offices.europarl.europa.eu/{l}", "Liaison offices", "Bureaux de liaison"},
	}
	menuLinks = []link{
		{"/oeil/{l}", "Home", "Accueil"}, {"/oeil/{l}/search", "Search", "Recherche"},
		{"/oeil/{l}/legislative-priorities", "Legislative priorities", "Priorités législatives"},
		{"/oeil/{l}/find-out-more", "Find out more", "En savoir plus"}, {"/oeil/{l}/contact", "Contact us", "Contact"},
	}
	footerSections = []struct {
		title link
		links []link
	}{
		{link{"", "Tools", "Outils"}, []link{{ep + "/news/{l}/press-room", "Press Service", "Service de presse"},
			{ep + "/olp/{l}/home", "Ordinary legislative procedure", "Procédure législative ordinaire"},
			{ep + "/RegistreWeb/search/simple.htm?language={l}", "Parliament register", "Registre du Parlement"},
			{"https://eur-lex.europa.eu/{l}/index.htm", "EUR-Lex", "EUR-Lex"},
			{"https://www.consilium.europa.eu/{l}/documents-publications/public-register/", "Council register", "Registre du Conseil"},
			{"https://webgate.ec.europa.eu/regdel/#/home", "Delegated acts register", "Registre des actes délégués"}}},
		{link{"", "Committees", "Commissions"}, []link{{ep + "/committees/{l}/home", "Home", "Accueil"},
			{ep + "/committees/{l}/meetings/meeting-documents", "Meetings", "Réunions"},
			{ep + "/committees/{l}/documents/search", "Documents", "Documents"},
			{ep + "/committees/{l}/events/events-hearings", "Events", "Événements"},
			{ep + "/committees/{l}/supporting-analyses/sa-highlights", "Supporting analyses", "Analyses à l'appui"}}},
		{link{"", "Plenary", "Plénière"}, []link{{ep + "/plenary/{l}/", "Plenary sitting", "Séance plénière"},
			{ep + "/plenary/{l}/guide-plenary.html", "Around plenary", "Autour de la plénière"},
			{ep + "/plenary/{l}/parliamentary-questions.html", "Questions and declarations", "Questions et déclarations"},
			{ep + "/plenary/{l}/parliament-positions.html", "Legislative texts adopted", "Textes législatifs adoptés"},
			{ep + "/plenary/{l}/meetings-search.html", "Plenary calendar", "Calendrier des sessions"}}},
		{link{"", "Delegations", "Délégations"}, []link{{ep + "/delegations/{l}/calendar", "Delegations calendar", "Calendrier des délégations"},
			{ep + "/delegations/{l}/home", "Home", "Accueil"}}},
		{link{"", "MEPs", "Députés"}, []link{{ep + "/meps/{l}/search/advanced", "Search", "Recherche"}}},
		{link{"", "At your service", "À votre service"}, []link{{ep + "/at-your-service/{l}", "Home", "Accueil"}}},
	}
	socialLinks = []struct{ href, name, icon string }{
		{"https://www.facebook.com/europeanparliament", "Facebook", "facebook-color"},
		{"https://x.com/Europarl_{l}", "Twitter", "twitter-x"},
		{"https://www.flickr.com/photos/european_parliament", "Flickr", "flickr-color"},
		{"https://www.linkedin.com/company/european-parliament", "LinkedIn", "linkedin-color"},
		{"https://www.youtube.com/user/EuropeanParliament", "YouTube", "youtube-color"},
		{"https://www.instagram.com/europeanparliament", "Instagram", "instagram-color"},
		{"https://www.pinterest.fr/epinfographics", "Pinterest", "pinterest-color"},
		{"https://www.reddit.com/r/europeanparliament", "Reddit", "reddit-color"},
	}
	infoLinks = []link{
		{ep + "/portal/{l}/contact", "Contact", "Contact"}, {ep + "/portal/{l}/sitemap", "Sitemap", "Plan du site"},
		{ep + "/legal-notice/{l}", "Legal notice", "Mentions légales"}, {ep + "/privacy-policy/{l}", "Privacy policy", "Politique de confidentialité"},
		{ep + "/portal/{l}/accessibility", "Accessibility", "Accessibilité"},
	}
)

// pageWords are the page's own words in each language.
var pageWords = map[string]map[string]string{
	"en": {"title": "Document summary | Legislative Observatory | European Parliament", "oeil": "Legislative Observatory",
		"ep": "European Parliament", "find": "Find a procedure", "menu": "Menu", "search": "Search", "share": "Share this page",
		"langname": "EN - English", "other": "FR - français", "otherlang": "fr", "top": "Scroll to top",
		"more": "Other websites", "dp": "Data Protection Notice", "skip": "Access to page content (press &quot;Enter&quot;)"},
	"fr": {"title": "Résumé du document | Observatoire législatif | Parlement européen", "oeil": "Observatoire législatif",
		"ep": "Parlement européen", "find": "Trouver une procédure", "menu": "Menu", "search": "Rechercher", "share": "Partager cette page",
		"langname": "FR - français", "other": "EN - English", "otherlang": "en", "top": "Retour en haut de la page",
		"more": "Autres sites", "dp": "Avis relatif à la protection des données", "skip": "Accès au contenu de la page (appuyer sur &quot;Entrée&quot;)"},
}

// buildChrome builds a page's chrome in a language: the real page's (about 50 kB: every
// menu, link list and icon of the header and footer), or, when full is false, the same
// page trimmed to its head, a header with the site's title and a footer with its
// information links.
func buildChrome(lang string, full bool) *chrome {
	w := pageWords[lang]
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html lang="` + lang + `">


<head>

    
    <title>` + w["title"] + `</title>

    <!-- Required meta tags -->
    <meta charset="utf-8">
`)
	if full {
		b.WriteString(`    <meta content="@project.version@" name="project_version"/>
    <meta content="@build.number@" name="build_number"/>
    <meta content="@build.time@" name="build_time"/>

    <!-- Commons meta tags -->
    <meta content="https://www.europarl.europa.eu">
    <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
    <meta content="IE=edge" http-equiv="X-UA-Compatible">
    <meta content="no-cache" http-equiv="cache-control">
    <meta content="-1" http-equiv="expires">
    <meta content="no-cache" http-equiv="pragma">
    <meta content="text/html; charset=UTF-8" http-equiv="Content-Type">
    <meta content="` + lang + `" name="language">
    <meta content="` + lang + `" http-equiv="Content-Language">
    <meta content="European Parliament Legislative Observatory Procedure" name="description">
    <meta content="index, follow, noodp, noydir, notranslate, noarchive" name="robots">
    <meta content="European Union, 2025 - Source: European Parliament" name="copyright">
    <meta content="Legislative Observatory" name="planet">
    <meta content="06-12-2025" name="available">

    <!-- Dynamics meta tags -->
    

    <!-- HTML <link> tags -->
    <link rel="icon" href="https://evokits.europarl.europa.eu/evostrap/7.0.0/lib/dist/assets/img/favicon.ico">
`)
	} else {
		b.WriteString(`    <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
`)
	}
	b.WriteString(`
    
    <link href="https://evokits.europarl.europa.eu/evostrap/7.0.0/lib/dist/css/evostrap.css" rel="stylesheet">
    <link href="https://evokits.europarl.europa.eu/evostrap-oeil/1.0.1/dist/css/oeil.css" rel="stylesheet">
</head>

<body id="main-content" data-app-context="/oeil/">

    <header class="es_header">
    <nav class="es_wai-access" aria-label="Shortcuts">
        <ul>
            <li> <a href="#website-body" class="es_smooth-scroll"> <span class="btn btn-primary">` + w["skip"] + `</span> </a> </li>
        </ul>
    </nav>
`)
	if full {
		writeFullHeader(&b, lang, w)
	}
	b.WriteString(`    <div class="es_header-middle mb-3">
        <div class="container">
            <div class="row">
                <div class="col-12 col-md">
                    <div class="es_header-website-title a-i">
                        <div class="es_header-website-title-main">
                            <a href="/oeil/` + lang + `" class="t-x">
                                <span>` + w["oeil"] + `</span>
                            </a>
                        </div>
                        <div class="es_header-website-title-sub">
                            <a class="t-x-block" href="https://www.europarl.europa.eu" target="_blank" >
                                <span class="t-item">` + w["ep"] + `</span>
                            </a>
                        </div>
                    </div>
                </div>
`)
	if full {
		writeSearchAndMenu(&b, lang, w) // closes the header's middle row
	} else {
		b.WriteString(`            </div>
        </div>
    </div>
`)
	}
	b.WriteString(`</header>

    <div class="container">
        <div class="breadcrumb"></div>
    </div>

    
    <main id="website-body">
`)
	head := b.String()
	b.Reset()
	b.WriteString(`</main>

    
    <button id="scrollToTopButton" type="button" class="btn btn-primary rounded-circle" data-duration="250" data-min-scroll-to-show="200" aria-label="` + w["top"] + `">
        <svg aria-hidden="true" class="es_icon es_icon-chevron es_icon-rotate-270">
            <use xlink:href="#es_icon-chevron"></use>
        </svg>
    </button>

    
    <footer class="es_footer">
`)
	if full {
		writeFullFooter(&b, lang, w)
	}
	b.WriteString(`                <nav class="es_footer-information-links small text-center font-weight-bold t-y-mode" aria-label="Information links">
`)
	for _, l := range infoLinks {
		b.WriteString(`                    
                        <a href="` + l.url(lang) + `" class="mr-2 mb-1">
                            <span>` + l.label(lang) + `</span>
                        </a>
`)
	}
	b.WriteString(`                    
                </nav>
`)
	if full {
		b.WriteString(`            </div>
        </div>
`)
	}
	b.WriteString(`</footer>
    
    <script id="evostrap" type="module" src="https://evokits.europarl.europa.eu/evostrap/7.0.0/lib/dist/js/evostrap.js"></script>
    <script src="https://evokits.europarl.europa.eu/evostrap-oeil/1.0.1/dist/js/oeil.js"></script>
`)
	if full {
		b.WriteString(`
    
    <script src="/oeil/oeil-addons/documents-loading.js"></script>
    <script src="/oeil/oeil-addons/session-calendar.js"></script>
    <script src="/oeil/oeil-addons/tools.js"></script>
    <script src="/oeil/oeil-addons/meetings-list.js"></script>

    
    <script type="text/javascript" defer data-tracker-name="ATInternet"
            data-value="https://www.europarl.europa.eu/website/webanalytics/ati-oeil.js"
            src="https://www.europarl.europa.eu/website/privacy-policy/privacy-policy.js">
    </script>
`)
	}
	b.WriteString(`
    
    
</body>
</html>
`)
	return &chrome{head: strings.Split(head, idMark), foot: strings.Split(b.String(), idMark)}
}

// arrowIcons are the two arrows of a dropdown button.
const arrowIcons = `
                    <svg aria-hidden="true" class="es_icon es_icon-arrow" data-show-expanded="false">
                        <use xlink:href="#es_icon-arrow"></use>
                    </svg>
                    <svg aria-hidden="true" class="es_icon es_icon-arrow es_icon-flip-y text-primary"
                         data-show-expanded="true">
                        <use xlink:href="#es_icon-arrow"></use>
                    </svg>
`

// writeFullHeader writes the real header's top bar: the language selector and the links to
// the Parliament's other websites.
func writeFullHeader(b *strings.Builder, lang string, w map[string]string) {
	b.WriteString(`
    
    <div class="es_header-top border-bottom mb-3 mb-xl-4 a-i">
        <div class="container">
            <div class="row no-gutters">
                <div class="col-auto"><div class="es_header-language-selector">
    <div class="es_dropdown" data-auto-close="true" data-auto-focus="true" data-position="absolute"
         data-content-width="auto">
        <button class="es_dropdown-btn input-group collapsed" type="button" data-toggle="collapse"
                id="languageSelectorDropdownButton"
                data-target="#languageSelectorDropdownContent"
                aria-expanded="false"
                aria-controls="languageSelectorDropdownContent">
            <span class="es_dropdown-label">` + w["langname"] + `</span>
            
            <span class="es_dropdown-icon">` + arrowIcons + `            </span>
        </button>

        <div>
            <div class="dropdown-menu border border-light" id="languageSelectorDropdownContent">
                        <ul class="erpl_topbar-list list-unstyled es_dropdown-menu">
`)
	for _, l := range []struct{ code, name, sel string }{{lang, w["langname"], "true"}, {w["otherlang"], w["other"], "false"}} {
		b.WriteString(`                            <li class="t-x-block" data-selected="` + l.sel + `">
                                <!-- localized version URL is here -->
                                <a class="es_dropdown-menu-item"
                                   lang="` + l.code + `"
                                   href="https://oeil.europarl.europa.eu/oeil/` + l.code + `/document-summary?id=` + idMark + `">
                                    <span class="t-item">` + l.name + `</span>
                                    
                                </a>
                            </li>
`)
	}
	b.WriteString(`                        </ul>
            </div>
        </div>
    </div>
</div></div>
                <div class="col">
                    <nav class="es_header-other-websites d-flex justify-content-end align-items-center" aria-label="Other websites">
                        <ul class="d-flex list-unstyled">
`)
	for _, l := range topLinks {
		b.WriteString(`
                            
                            <li class="d-none d-xl-block">
                                <a class="d-xl-flex px-1 align-items-center t-y-block" href="` + l.url(lang) + `">
                                    <span class="t-item">` + l.label(lang) + `</span>
                                </a>
                            </li>
`)
	}
	b.WriteString(`

                            <li class="es_dropdown" data-auto-close="true" data-auto-focus="true" data-position="absolute">
                               <button class="es_dropdown-btn input-group collapsed d-xl-flex pl-1 align-items-center t-y-block flex-nowrap"
                                       data-toggle="collapse"
                                       data-target="#otherWebsiteSubmenu"
                                       aria-expanded="false"
                                       aria-controls="otherWebsiteSubmenu" aria-label="` + w["more"] + `">
                                    <span class="es_dropdown-label">
											<span class="d-none d-xl-inline">` + w["more"] + `</span>
                                    </span>
                                   <span class="es_dropdown-icon">` + arrowIcons + `											</span>
                                </button>
                                <div>
                                    <div id="otherWebsiteSubmenu" class="dropdown-menu border border-light">
                                        <ul class="es_header-other-websites-submenu erpl_topbar-list list-unstyled es_dropdown-men">
`)
	for k, l := range append(append([]link(nil), topLinks...), otherLinks...) {
		class := "t-x-block"
		if k < len(topLinks) {
			class = "d-xl-none t-x-block"
		}
		b.WriteString(`                                            
                                            <li class="` + class + `">
                                                <a class="es_dropdown-menu-item" href="` + l.url(lang) + `">
                                                    <span class="t-item">` + l.label(lang) + `</span>
                                                </a>
                                            </li>

`)
	}
	b.WriteString(`                                        </ul>
                                    </div>
                                </div>
                            </li>
                        </ul>
                    </nav>
                </div>
            </div>
        </div>
    </div>
`)
}

// writeSearchAndMenu writes the real header's search form and main menu.
func writeSearchAndMenu(b *strings.Builder, lang string, w map[string]string) {
	b.WriteString(`
                
                <div class="col-auto d-none d-xl-flex justify-content-end align-items-center es_header-search-container">
                    <form class="es_header-search" method="GET" action="/oeil/` + lang + `/search"> <label for="mainSearch" class="sr-only">` + w["find"] + `</label>
                        <div class="input-group" style="width: 300px">
                            <input type="text" class="form-control"
                                   id="mainSearch"
                                   maxlength="100"
                                   placeholder="` + w["find"] + `..."
                                   name="fullText.term"
                                   aria-describedby="mainSearchHelper">
                            <div class="input-group-append">
                                <button class="btn btn-primary align-items-center d-flex" title="` + w["find"] + `" disabled="">
                                    <svg aria-hidden="true" class="es_icon es_icon-search es_header-search-icon">
                                        <use xlink:href="#es_icon-search"></use>
                                    </svg>
                                </button>
                            </div>
                        </div> <span id="mainSearchHelper" class="form-text text-muted sr-only">` + w["find"] + `</span>
                    </form>
                </div>
            </div>
        </div>
    </div>
    <div class="es_header-bottom">
        <div class="es_header-menu-container">
            <div class="container"><nav class="es_header-menu" aria-label="Main navigation">
    <div class="es_header-menu-top row align-items-center">
        <div class="col d-md-none d-flex align-items-center">
            <svg aria-hidden="true" class="es_icon es_icon-ep-logo-w es_header-menu-top-logo">
                <use xlink:href="#es_icon-ep-logo-w"></use>
            </svg>
        </div>

        <span class="es_header-menu-top-title offset-3 col-6 text-center d-none d-md-block" aria-hidden="true">
								<span>` + w["ep"] + `</span></span>

        <div class="es_header-menu-top-controls col-auto col-md-3 text-right">
            <button type="button" class="btn btn-sm btn-dark-primary es_header-menu-top-controls-toggle-search" id="headerMenuToggleSearch" aria-haspopup="true" aria-expanded="false">
                <span class="sr-only">` + w["search"] + `</span>
                <svg aria-hidden="true" class="es_icon es_icon-search">
                    <use xlink:href="#es_icon-search"></use>
                </svg>
            </button>
            <button type="button"
                    class="btn btn-sm btn-dark-primary es_header-menu-top-controls-toggle-menu"
                    id="headerMenuToggleMenu"
                    aria-haspopup="true"
                    aria-expanded="false">
                <span class="mr-25">` + w["menu"] + `</span> <span class="es_header-menu-icon" aria-hidden="true"></span>
            </button>
        </div>
    </div>

    <ul class="es_header-menu-list list-unstyled">
        
`)
	for _, l := range menuLinks {
		b.WriteString(`<li class="es_header-menu-item">
    <a class="es_header-menu-item-title"
       href="` + l.url(lang) + `" data-selected="false">
        <span class="t-y">` + l.label(lang) + `</span>
    </a>
</li>
`)
	}
	b.WriteString(`
    </ul>
</nav></div>
        </div>
    </div>
`)
}

// writeFullFooter writes the real footer's share links, link lists and social links.
func writeFullFooter(b *strings.Builder, lang string, w map[string]string) {
	page := "https://oeil.europarl.europa.eu/oeil/" + lang + "/document-summary?id%3D" + idMark
	b.WriteString(`    <div class="es_footer-top mt-8">
        <div class="container">
            <div class="es_footer-top-content text-center d-md-flex justify-content-between pt-md-3 mb-5 a-i">
                <nav class="es_footer-share-links" aria-label="Share links">
                    <div class="d-md-flex align-items-center">
                        <h2 class="es_title-h5 mb-2 mb-md-0"><span class="mr-md-1">` + w["share"] + `</span></h2>
                        <ul class="d-flex justify-content-center mb-3 mb-md-0">
`)
	for _, s := range []struct{ name, href, icon string }{
		{"Facebook", "https://www.facebook.com/share.php?u=" + page, "facebook"},
		{"X", "https://x.com/intent/post?url=" + page + "&amp;text=Document%20summary&amp;via=Europarl_EN", "twitter-x"},
		{"LinkedIn", "https://www.linkedin.com/sharing/share-offsite?url=" + page, "linkedin"},
		{"Whatsapp", "https://api.whatsapp.com/send?text=" + page, "whatsapp"},
	} {
		b.WriteString(`                            <li class="mr-1">
                                <a title="` + w["share"] + ` - ` + s.name + `" href="` + s.href + `" target="_blank">
                                    <span class="sr-only">` + s.name + `</span>
                                    <svg aria-hidden="true" class="es_icon es_icon-` + s.icon + `">
                                        <use xlink:href="#es_icon-` + s.icon + `"></use>
                                    </svg>
                                </a>
                            </li>
`)
	}
	b.WriteString(`                        </ul>
                    </div>
                </nav>
                <nav class="es_footer-subscriptions-links t-y-mode" aria-label="data protection link">
                    <div>
                        <a href="https://oeil.secure.europarl.europa.eu/oeil/` + lang + `/external-documents/download?id=2" target="_blank">
                            <span class="t-y">` + w["dp"] + `</span>
                        </a>
                    </div>
                </nav>
            </div>
        </div>
    </div>
    <div class="es_footer-bottom py-3">
        <div class="container">
            <div class="row" id="footerLinks">
                <nav class="col-12 col-xl-9 text-center text-md-left" id="website-links" aria-label="Website links">
    <h3 class="es_title-h3 mb-2">` + w["oeil"] + `</h3>
    <div class="collapse show" id="website-links-items">
        <div class="row">
`)
	for col := range 3 {
		b.WriteString(`            <div class="col-12 col-md-6 col-xl-4">
`)
		for k := col * 2; k < col*2+2 && k < len(footerSections); k++ {
			sec := footerSections[k]
			title := sec.title.label(lang)
			b.WriteString(`                <div>
                    <div class="es_footer-subtitle mb-1">` + title + `</div>
                    <nav class="es_footer-links t-x-mode" aria-label="` + title + `">
                        `)
			for _, l := range sec.links {
				b.WriteString(`<a href="` + l.url(lang) + `" class="es_footer-links-item mb-1" aria-label="` + title + ` - ` + l.label(lang) + `">
                            <span>` + l.label(lang) + `</span>
                        </a>`)
			}
			b.WriteString(`
                    </nav>
                </div>
`)
		}
		b.WriteString(`            </div>
`)
	}
	b.WriteString(`        </div>
    </div>
` + toggle("website-links", "Toggle linked links") + `</nav>
                <nav class="col-12 col-xl-3 text-center text-md-left" id="europarl-links" aria-label="Europarl links">
    <div class="separator separator-dotted separator-2x mt-3 mb-4 d-none d-md-flex d-xl-none"></div>
    <h3 class="es_title-h3 mb-2">` + w["ep"] + `</h3>
    <div class="collapse show" id="europarl-links-items">
        <nav class="es_footer-links pt-25 t-x-mode" aria-label="` + w["ep"] + `">
            `)
	for _, l := range topLinks {
		b.WriteString(`<a href="` + l.url(lang) + `" class="es_footer-links-item mb-1" aria-label="` + w["ep"] + ` - ` + l.label(lang) + `">
                <span>` + l.label(lang) + `</span></a>`)
	}
	b.WriteString(`
        </nav>
    </div>
` + toggle("europarl-links", "Toggle European Parliament websites") + `</nav>
            </div>

            <div class="separator separator-dotted separator-2x mt-3 mb-3 d-none d-md-flex"></div>
                <nav id="social-links" aria-label="Social links">
                    <div class="es_footer-social-links mb-2">
`)
	for _, s := range socialLinks {
		b.WriteString(`                        
                            <a  data-toggle="tooltip" title="` + s.name + `" href="` + strings.ReplaceAll(s.href, "{l}", lang) + `" target="_blank" style="color:black" class="mr-1 ml-1 mb-2">
                                <svg aria-hidden="true"
                                     class="es_icon es_icon-` + s.icon + `">
                                    <use href="#es_icon-` + s.icon + `"></use>
                                </svg>
                                <span class="sr-only">` + s.name + `</span>
                            </a>
`)
	}
	b.WriteString(`                        
                    </div>
                </nav>

`)
}

// toggle is the collapse button of a footer link list on small screens.
func toggle(id, label string) string {
	return `
    <div class="d-block d-md-none">
        <div class="separator separator-dotted separator-2x mb-5 mt-5">
            <a href="#` + id + `"
               title="` + label + `"
               role="button"
               data-toggle="collapse"
               data-target="#` + id + `-items"
               aria-expanded="false"
               aria-controls="` + id + `" aria-label="` + label + `">
                <svg aria-hidden="true" class="es_icon es_icon-plus" data-show-expanded="false">
                    <use xlink:href="#es_icon-plus"></use>
                </svg>

                <svg aria-hidden="true" class="es_icon es_icon-minus" data-show-expanded="true">
                    <use xlink:href="#es_icon-minus"></use>
                </svg>
            </a>
        </div>
    </div>
`
}
