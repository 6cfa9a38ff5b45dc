# Messages du site : accueil, index, blocs, recherche, changements récents, avis des lecteurs, référence de l'API.

nav-feedback = Avis des lecteurs
map-how = Survolez ou sélectionnez un carré (256 ports) pour sa plage, ses ports attribués (IANA n), ses services connus et ses menaces (⚠) ; ouvrez-le pour la liste de ses ports.
map-tip = { $start }–{ $end }, attribués : { $assigned }
map-tip-threat = historique de menaces : { $names }
map-legend-shade = coin rouge : des menaces connues ont utilisé des ports du bloc ; plus il est foncé, plus la part du bloc est grande
block-assigned = { $assigned ->
    [0] Aucun port de ce bloc n'a d'attribution IANA.
    [one] Un port de ce bloc a une attribution IANA.
   *[other] { $assigned } ports de ce bloc ont une attribution IANA.
}
block-family = { $name } figure dans l'historique des menaces de { $ports ->
    [one] un de ces ports.
   *[other] { $ports } de ces ports.
}
block-families-rows = Familles de menaces nommées ci-dessous sur des ports isolés : { $count }.
col-transport = Transport
col-iana = Service IANA
col-usual = Habituellement
feedback-title = Avis des lecteurs
feedback-intro = Les votes des boutons « Cette page vous a-t-elle été utile ? ». Les ports qui ont le plus de votes négatifs viennent en premier : ce sont les pages à améliorer.
feedback-summary = Votes : { $votes } sur { $ports } ports ({ $unhelpful } pas utile, { $neutral } moyennement utile, { $helpful } utile).
feedback-col-votes = Votes
feedback-col-total = Total
feedback-bar = Port { $port } : { $unhelpful } pas utile, { $neutral } moyennement utile, { $helpful } utile
feedback-none = Aucun vote pour l'instant.
feedback-unavailable = Les avis ne sont pas disponibles sur ce serveur.
feedback-data = Les mêmes données :
feedback-bad-query = Cette adresse demande quelque chose que la page ne peut pas afficher ; elle liste au plus { $max } ports.
feedback-refused-rate = Votre vote n'a pas été enregistré : trop de votes sont venus de votre adresse en peu de temps. Réessayez dans une minute.
feedback-refused-invalid = Votre vote n'a pas été enregistré : le formulaire est arrivé incomplet ou mal formé. Revenez à la page et choisissez de nouveau un visage.
feedback-refused-cross-site = Votre vote n'a pas été enregistré : il a été envoyé depuis un autre site.
feedback-refused-unavailable = Votre vote n'a pas été enregistré : le stockage des avis est indisponible pour le moment. Réessayez plus tard.
