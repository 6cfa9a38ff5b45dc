# portlore サイトのメッセージ（日本語）

## Chrome
skip = 本文へ移動
search-label = ポート、サービス、脅威を検索
search-placeholder = 3147、rfio、MyDoom…
search-button = 検索
lang-label = 言語
nav-home = ホーム
nav-ports = すべてのポート
nav-recent = 最近の変更
footer-text = レジストリの事実は IANA レジストリだけから取っています。編集した解説には出典を付けています。クッキーもトラッキングもありません。
footer-registry = IANA サービス名・トランスポートプロトコルポート番号レジストリ（{ $date } 更新）。
crumbs-label = パンくずリスト
crumb-ports = ポート

## Port page
title-port = ポート { $port }
title-port-service = ポート { $port }（{ $service }）
desc-port = ポート { $port } の用途：IANA の割り当て、歴史、脅威、そして何が待ち受けているかの確認方法。
bar-label = 0–65535 の中のポート { $port }
range-system = システムポート
range-user = 登録済みポート
range-dynamic = 動的ポート
range-system-text = システム（ウェルノウン）ポートは { $start } から { $end } までです。Linux などの Unix 系システムでは既定で root だけが待ち受けでき、IANA は IETF の審査を経て割り当てます。
range-user-text = ユーザー（登録済み）ポートは { $start } から { $end } までです。どのプロセスでも待ち受けでき、IANA への登録は主張であって強制ではありません。
range-dynamic-text = 動的・プライベートポートは { $start } から { $end } までです。IANA は割り当てず、OS は送信側のポートをここから選び、何でもここで待ち受けできます。
range-ephemeral = 次の既定のエフェメラル範囲に含まれます：{ $systems }。
badge-system = システム範囲
badge-user = 登録済み範囲
badge-dynamic = 動的範囲
badge-assigned = IANA：割り当て済み
badge-reserved = IANA：予約済み
badge-unassigned = IANA：未割り当て
badge-other = IANA：サービスなしで掲載
badge-no-registry = IANA：レジストリ未読み込み
badge-deassigned = 割り当て解除
badge-threat = 脅威の履歴
badge-exposure = 公開リスク
badge-unofficial = 非公式な利用
badge-ephemeral = 一部のシステムでエフェメラル
verdict-no-registry = このサーバーには IANA レジストリの写しがないため、ここでは割り当てが分かりません。
verdict-assigned-by = { $org } が IANA に登録しています。
verdict-assigned = IANA に登録されています。
verdict-reserved = IANA が予約しています。何も使うべきではありません。
verdict-dynamic = 動的範囲にあります。IANA は割り当てず、システムは短時間のクライアント用ポートとして使います。
verdict-unassigned = IANA は割り当てていません。ここで待ち受けるものは番号を自分で選んでいます。
verdict-retired = 解説では { $title } は「{ $status }」とされています。
verdict-threat-port = { $name }（{ $year } 年）がこのポートを使いました。
verdict-threat-range = { $name }（{ $year } 年）が範囲 { $range } を使いました。
verdict-exposure = { $service } をインターネットに公開してはいけません。
iana-title = IANA レジストリ
iana-source = 出典：IANA レジストリ（{ $date } 更新）
iana-none = このポートを含む IANA のレコードはありません。
iana-missing = このサーバーには IANA レジストリの写しがないため、割り当ては表示されません。portlore update でインストールしてください。
iana-any-transport = すべてのトランスポート
iana-ports = ポート { $ports }
iana-unauthorized = 報告された無許可の利用
iana-service-code = サービスコード
iana-english = 説明と注記はレジストリから英語のまま引用しています。
col-description = 説明
col-assignee = 登録者
col-contact = 連絡先
col-registered = 登録日
col-modified = 更新日
col-references = 参照
col-notes = 注記
col-port = ポート
col-service = サービス
col-status = 状態
col-date = 日付
col-change = 変更
curated-english = 以下の解説は英語で書かれており、まだ翻訳されていません。
history-title = 歴史
note-status = 状態：{ $status }
note-made-by = 開発：{ $who }
note-today = 現在：
status-active = 現役
status-legacy = 旧式
status-retired = 廃止
status-never-deployed = 未導入
status-unknown = 不明
security-title = セキュリティ
threat-history-note = これは歴史です。マルウェアや攻撃者がかつてこのポートで何をしたかを示すもので、あなたのネットワークでいま何が動いているかではありません。
threat-line = { $kind }、{ $year } 年に初めて確認
threat-use = { $range }（{ $transports }）での{ $role }
kind-worm = ワーム
kind-trojan = トロイの木馬
kind-backdoor = バックドア
kind-rat = 遠隔操作型トロイの木馬
kind-botnet = ボットネット
kind-ransomware = ランサムウェア
kind-scanner = スキャナー
kind-miner = 暗号通貨マイナー
kind-c2-framework = C2フレームワーク
kind-exploitation = 脆弱性悪用キャンペーン
kind-ics-malware = 産業制御システム向けマルウェア
kind-other = その他の脅威
role-listening-backdoor = 待ち受けるバックドア
role-scanning-target = スキャン対象
role-c2 = 指令サーバー（C2）
role-propagation = 感染拡大
role-exfiltration = データ窃取
role-amplification = 増幅攻撃
role-other = その他の利用
exposure-title = { $service } をインターネットに公開してはいけません
severity-critical = 重大
severity-high = 高リスク
severity-medium = 中リスク
exposure-advice = 対処方法
unofficial-title = このポートで見られる他の利用
unofficial-mark = IANA の割り当てではありません
check-title = 自分で確認する
check-intro = ポート { $port } で何が待ち受けているかを表示するコマンド：
check-network = 別のマシンから
why-title = なぜ重要か
why-assigned-system = ポート { $port } は IANA が割り当てたシステムポートです。ファイアウォールもスキャナーも人も、ここにはそのサービスがあると考えるので、別のものが待ち受けていれば確認する価値があります。
why-assigned-user = ポート { $port } は登録されていますが、登録は強制力を持ちません。どのプログラムでもここで待ち受けでき、実際に多くがそうしています。
why-assigned-dormant = ポート { $port } はもう使われていないプロトコルに登録されているため、いまここで見える通信はおそらく別物です。
why-reserved = ポート { $port } は予約済みです。正当なサービスが待ち受けることはないはずなので、待ち受けているプロセスは調べる価値があります。
why-unassigned = ポート { $port } には IANA の割り当てがありません。使うソフトウェアは番号を自分で選んでおり、レジストリからは正体が分かりません。
why-dynamic = ポート { $port } は動的範囲にあります。送信側の接続で見えるのは普通ですが、ここで長く待ち受けるものは誰かが設定したものです。
why-threat = { $count ->
    [one] マルウェアがポート { $port } を使ったことがあるため、セキュリティツールが警告することがあります。心配する前に、所有プロセスを確認してください。
   *[other] { $count } 系統のマルウェアがポート { $port } を使ったことがあるため、セキュリティツールが警告することがあります。心配する前に、所有プロセスを確認してください。
}
why-exposure = ポート { $port } のサービスはインターネットから届くときに攻撃されてきました。ファイアウォールの内側に置いてください。
why-unofficial = 有名なソフトウェアが IANA の割り当てなしにポート { $port } を使っているため、レジストリだけでは誤解します。
why-ephemeral = 一部の OS はポート { $port } を送信側の接続に割り当てるため、短時間の通信は通常は無害です。
why-quiet = ポート { $port } について特筆すべき記録はありません。何かが待ち受けているなら、確かな答えはそのプロセスだけが教えてくれます。
related-title = 関連するポート
rel-same-service = 同じサービス
rel-sibling-service = 関連サービス
rel-same-threat = { $name } も使用
rel-neighbour = 隣のポート
refs-title = 参考文献
ref-checked = { $date } 確認
vote-title = このページは役に立ちましたか？
vote-unhelpful = 役に立たなかった
vote-neutral = まあまあ役に立った
vote-helpful = 役に立った
vote-thanks = ご意見ありがとうございます。

## Home
home-title = このポートには何がある？
home-intro = 65,536 個のどのポートでも調べられます：IANA の割り当て、歴史、それを使ったマルウェア、そして何が待ち受けているかの確認方法。
home-examples = 例：
home-stats = IANA の割り当てが 1 つ以上あるポート：{ $assigned } 個
map-title = ポート空間の地図
map-label = 全 65,536 ポートを 256 ポートずつ 256 ブロックに分けた地図
map-legend-density = 色の濃いブロックほど割り当て済みのポートが多い
map-legend-threat = 枠線：ブロック内のポートをマルウェアが使用
map-legend-blocks = 各ブロックはその 256 ポートの一覧にリンクしています。

## Index
ports-title = すべてのポート
ports-intro = 65,536 個のポートを 256 個ずつのページに分けています。各番号はそこから始まるページを開きます。
block-title = ポート { $start }–{ $end }
block-summary = このブロックで IANA の割り当てがあるポート：{ $assigned } 個。{ $threat ->
    [0] {""}
   *[other] そのうちマルウェアが使ったもの：{ $threat } 個。
}
index-no-assignment = 割り当てなし
pager-label = ページ
page-prev = 前へ
page-next = 次へ
page-of = { $pages } ページ中 { $page } ページ目

## Search
search-title = 検索
search-title-q = 検索：{ $q }
search-count = 「{ $q }」の検索結果：{ $count } 件
search-none = 「{ $q }」に一致するものはありません。ポート番号、IANA サービス名、組織名、マルウェア名を試してください。
search-go-port = ポート { $port } へ
search-empty = ポート番号、IANA サービス名、組織名、ソフトウェア名、マルウェア名で検索できます。
hit-service = IANA サービス
hit-threat = 脅威
hit-unofficial = 非公式な利用
hit-note = 解説

## Recent
recent-title = IANA レジストリの最近の変更
recent-intro = レジストリのレコードを、最新の登録日または更新日の新しい順に並べています。
recent-registered = 登録
recent-modified = 更新

## Errors
err-404-title = ページが見つかりません
err-400-title = 不正なリクエスト
err-port-range = { $input } はポートではありません。ポート番号は 0 から 65535 までです。
err-port-form = 「{ $input }」はポート番号ではありません。
err-port-forms = ポートのページは /{ $lang }/ports/0 から /{ $lang }/ports/65535 まであります。例：/{ $lang }/ports/3147
err-block = 「{ $input }」は一覧のページではありません。
err-block-forms = 一覧のページは /{ $lang }/blocks/0 から /{ $lang }/blocks/255 までです。
err-lang = 「{ $input }」はこのサイトの言語ではありません。
err-lang-forms = 言語：{ $langs }
err-query = 検索語は { $max } 文字までです。
err-query-forms = /{ $lang }/search?q=rfio のように短い検索語を試してください。
err-notfound = このアドレスにはページがありません。
err-encoding = このアドレスは正しいテキストではありません。デコードすると UTF-8 ではないバイトが含まれます。
