# サイトのメッセージ：ホーム、索引、ブロック、検索、最近の変更、読者の評価、API リファレンス。

nav-feedback = 読者の評価
map-how = マス（256 ポート）を指すかフォーカスすると、範囲、IANA の割り当てがあるポート数（IANA n）、既知のサービス、脅威（⚠）が表示されます。開くとポート一覧です。
map-tip = { $start }–{ $end }、IANA：{ $assigned }
map-tip-threat = 脅威の履歴：{ $names }
map-legend-shade = 赤い角：ブロック内のポートを既知の脅威が使用。濃いほどブロックの多くを占める
block-assigned = このブロックで IANA の割り当てがあるポート：{ $assigned } 個。
block-family = { $name } の脅威の履歴に含まれるこのブロックのポート：{ $ports } 個。
block-families-rows = 以下の個別のポートに記載された脅威ファミリー：{ $count } 個。
col-transport = トランスポート
col-iana = IANA サービス
col-usual = 通常の用途
feedback-title = 読者の評価
feedback-intro = 「このページは役に立ちましたか？」ボタンの投票です。役に立たなかったという票の多いポートが先に並びます。改善すべきページです。
feedback-summary = 投票 { $votes } 件、ポート { $ports } 個（役に立たなかった { $unhelpful }、まあまあ役に立った { $neutral }、役に立った { $helpful }）。
feedback-col-votes = 投票
feedback-col-total = 合計
feedback-bar = ポート { $port }：役に立たなかった { $unhelpful }、まあまあ役に立った { $neutral }、役に立った { $helpful }
feedback-none = まだ投票はありません。
feedback-unavailable = このサーバーでは評価を利用できません。
feedback-data = 同じデータ：
feedback-bad-query = このアドレスはページが表示できないものを求めています。一覧は最大 { $max } ポートです。
feedback-refused-rate = 投票は記録されませんでした。短時間にあなたのアドレスから多すぎる投票がありました。1 分後にもう一度お試しください。
feedback-refused-invalid = 投票は記録されませんでした。フォームが不完全または不正な形で届きました。ページに戻り、もう一度顔を選んでください。
feedback-refused-cross-site = 投票は記録されませんでした。別のサイトから送信されました。
feedback-refused-unavailable = 投票は記録されませんでした。評価の保存先が現在利用できません。後でもう一度お試しください。
