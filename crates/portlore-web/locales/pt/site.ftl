# Mensagens do site: início, índice, blocos, pesquisa, alterações recentes, opiniões dos leitores, referência da API.

nav-feedback = Opiniões dos leitores
map-how = Aponte ou foque um quadrado (256 portas) para ver o intervalo, as portas atribuídas (IANA n), os serviços conhecidos e as ameaças (⚠); abra-o para a lista das portas.
map-tip = { $start }–{ $end }, atribuídas: { $assigned }
map-tip-threat = histórico de ameaças: { $names }
map-legend-shade = canto vermelho: ameaças conhecidas usaram portas do bloco; quanto mais escuro, maior a parte do bloco
block-assigned = { $assigned ->
    [0] Nenhuma porta deste bloco tem atribuição da IANA.
    [one] Uma porta deste bloco tem atribuição da IANA.
   *[other] { $assigned } portas deste bloco têm atribuição da IANA.
}
block-family = { $name } aparece no histórico de ameaças de { $ports ->
    [one] uma destas portas.
   *[other] { $ports } destas portas.
}
block-families-rows = Famílias de ameaças indicadas abaixo em portas individuais: { $count }.
col-transport = Transporte
col-iana = Serviço IANA
col-usual = O habitual
feedback-title = Opiniões dos leitores
feedback-intro = Os votos dos botões «Esta página foi útil?». Primeiro vêm as portas com mais votos negativos: são as páginas a melhorar.
feedback-summary = Votos: { $votes } em { $ports } portas ({ $unhelpful } não foi útil, { $neutral } mais ou menos útil, { $helpful } útil).
feedback-col-votes = Votos
feedback-col-total = Total
feedback-bar = Porta { $port }: { $unhelpful } não foi útil, { $neutral } mais ou menos útil, { $helpful } útil
feedback-none = Ainda não há votos.
feedback-unavailable = As opiniões não estão disponíveis neste servidor.
feedback-data = Os mesmos dados:
feedback-bad-query = Este endereço pede algo que a página não pode mostrar; ela lista no máximo { $max } portas.
feedback-refused-rate = O seu voto não foi registado: chegaram demasiados votos do seu endereço em pouco tempo. Tente de novo daqui a um minuto.
feedback-refused-invalid = O seu voto não foi registado: o formulário chegou incompleto ou mal formado. Volte à página e escolha de novo uma cara.
feedback-refused-cross-site = O seu voto não foi registado: foi enviado a partir de outro site.
feedback-refused-unavailable = O seu voto não foi registado: o armazenamento das opiniões está indisponível neste momento. Tente mais tarde.
