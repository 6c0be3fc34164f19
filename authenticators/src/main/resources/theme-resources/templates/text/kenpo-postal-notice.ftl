<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail greeting=false>
${msg("kenpoPostalNoticeText")}
${msg("kenpoPostalNoticeId", requestId)}
</@kenpo.mail>
