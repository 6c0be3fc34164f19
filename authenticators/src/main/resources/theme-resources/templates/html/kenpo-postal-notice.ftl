<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail greeting=false>
<p>${msg("kenpoPostalNoticeText")}</p>
<p>${msg("kenpoPostalNoticeId", requestId)}</p>
</@kenpo.mail>
