<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("kenpoPostalNoticeText")}</p>
<p>${msg("kenpoPostalNoticeId", requestId)}</p>
<p>${unionName}</p>
</@layout.emailLayout>
