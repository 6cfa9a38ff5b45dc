# Mensagens da página de uma porta (o modelo de página redigido para o site). Cada chave começa por pp-.
pp-title-transport = Porta { $port }/{ $transport }
pp-head-usually-iana = { $title } — normalmente { $usual }; IANA: { $service }
pp-head-usually = { $title } — normalmente { $usual }
pp-head-also = também { $names }
pp-list-sep = {", "}
pp-v-port-zero = A porta 0 não é uma porta de escuta: um programa que se liga à porta 0 pede ao sistema qualquer porta livre.
pp-v-usually = Normalmente: { $what }.
pp-v-holder = Registrada na IANA em nome de { $holder } como { $service }.
pp-v-holder-anon = Registrada na IANA como { $service }.
pp-v-holder-other = A IANA registrou-a em nome de { $holder } para { $service }, outro serviço.
pp-v-holder-other-anon = A IANA registrou-a para { $service }, outro serviço.
pp-v-reserved = Reservada pela IANA: nada deveria escutar aqui.
pp-v-unassigned = Sem atribuição da IANA: o que escuta aqui escolheu o número por conta própria.
pp-v-dynamic = Na faixa dinâmica, que a IANA nunca atribui: os sistemas escolhem aqui portas de cliente de curta duração.
pp-v-no-registry = Este servidor não tem cópia do registro da IANA, por isso a atribuição é desconhecida aqui.
pp-v-retired = { $name } está aposentado.
pp-v-never-deployed = { $name } nunca chegou a ser implantado.
pp-v-legacy = { $name } é um protocolo legado: substituído, mas ainda encontrado.
pp-v-threat-port = { $name } usou esta porta em { $year }.
pp-v-threat-spread = { $name } se propagou por esta porta em { $year }.
pp-v-threat-targeted = { $name } atacou esta porta em { $year }.
pp-v-threat-listened = { $name } escutava nesta porta em { $year }.
pp-v-threat-range = Dentro da faixa { $range } que { $name } usou em { $year }.
pp-v-threat-others = { $count ->
    [one] Outra ameaça conhecida também a usou.
   *[other] Outras { $count } ameaças conhecidas também a usaram.
}
pp-v-exposure = { $service } não deve ficar exposto à Internet ({ $severity }).
pp-v-not-that = O tráfego de hoje nesta porta quase certamente não é { $name }.
pp-v-probably-not = O tráfego de hoje nesta porta provavelmente não é { $name }.
pp-badge-exposure = risco de exposição: { $severity }
pp-badge-ephemeral = efêmera em sistemas atuais
pp-role-attack = ataques a outros hosts
pp-todo-title = O que fazer
pp-security-title = Histórico de segurança
pp-left-out = Não mostrado para { $filter }: { $name } diz respeito apenas a { $transports }.
pp-iana-also = também registrada como { $names }
pp-iana-transport = Transporte
pp-iana-long-note = Nota longa do registro (clique para ler)
pp-os-linux = Linux
pp-os-windows = Windows (Vista e posteriores)
pp-os-windows-legacy = Windows XP, Server 2003 e anteriores
pp-os-freebsd = FreeBSD
pp-os-macos = macOS
pp-os-solaris = Solaris
pp-os-aix = AIX
pp-os-other = outro sistema
pp-w-port-zero = A porta 0 é um curinga, não um serviço: ligue-se à porta 0 e o sistema escolhe uma porta livre para você. Tráfego que chega de fato à porta 0 está malformado ou vem de uma varredura.
pp-w-system = A porta { $port } é uma porta de sistema: no Linux e em outros sistemas do tipo Unix, só o root pode escutar nela por padrão, e a IANA atribui essas portas após revisão do IETF.
pp-w-user = A porta { $port } é uma porta registrada (de usuário): qualquer programa pode escutar nela, e um registro na IANA é uma reivindicação, não uma imposição.
pp-w-dynamic = A porta { $port } está na faixa dinâmica 49152–65535, que a IANA nunca atribui: os sistemas escolhem dela as portas de saída, e qualquer coisa pode escutar nela.
pp-w-assigned = Firewalls, scanners e pessoas esperam aqui o serviço registrado, por isso qualquer outra coisa escutando merece uma olhada.
pp-w-dormant = { $name } tem o status «{ $status }», por isso o tráfego de hoje nesta porta provavelmente é outra coisa.
pp-w-reserved = A porta está reservada: nenhum serviço legítimo deveria escutar nela, por isso um programa que o faça merece investigação.
pp-w-unassigned = Ela não tem atribuição da IANA: o software que a usa escolheu o número por conta própria, e o registro não pode dizer o que é.
pp-w-no-registry = Sem cópia do registro da IANA, a atribuição é desconhecida aqui.
pp-w-threat-port = { $count ->
    [one] Uma ameaça conhecida já usou esta porta, por isso ferramentas de segurança podem sinalizá-la; verifique o processo dono antes de se preocupar.
   *[other] { $count } ameaças conhecidas (malware, ferramentas de ataque, campanhas de exploração) já usaram esta porta, por isso ferramentas de segurança podem sinalizá-la; verifique o processo dono antes de se preocupar.
}
pp-w-threat-range = { $count ->
    [one] Uma ameaça conhecida já usou uma faixa que contém esta porta, por isso ferramentas de segurança podem sinalizá-la; verifique o processo dono antes de se preocupar.
   *[other] { $count } ameaças conhecidas (malware, ferramentas de ataque, campanhas de exploração) já usaram esta porta ou uma faixa que a contém, por isso ferramentas de segurança podem sinalizá-la; verifique o processo dono antes de se preocupar.
}
pp-w-exposure = Serviços nesta porta foram atacados quando acessíveis pela Internet: mantenha-a atrás de um firewall.
pp-w-unofficial = Software conhecido usa esta porta sem atribuição da IANA, por isso o registro sozinho vai enganá-lo.
pp-w-ephemeral = { $systems } escolhem portas de saída (efêmeras) de uma faixa que contém esta: uma conexão curta que a use é normal; um programa escutando nela por muito tempo não é.
pp-w-ephemeral-legacy = Só sistemas antigos ({ $systems }) escolhiam portas de saída de uma faixa que contém esta; nos sistemas atuais, uma conexão nela não é uma porta efêmera.
pp-rel-knowledge = mesma família
pp-search-none = Nada corresponde a «{ $q }». Tente um nome de serviço da IANA, um programa, uma organização ou o nome de um malware.
pp-search-none-js = Nada corresponde a «%q%». Tente um nome de serviço da IANA, um programa, uma organização ou o nome de um malware.
pp-search-count-js = Resultados para «%q%»: %n%
pp-threat-line = { $kind }, { $year }
pp-threat-group = { $role } — { $range } ({ $transports })
pp-refs-checked = Ligações verificadas em { $date }.
pp-refs-checked-most = Ligações verificadas em { $date }, salvo indicação de outra data.
