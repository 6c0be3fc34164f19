<#import "template.ftl" as layout>
<@layout.emailLayout>
<h2>${msg("kenpoPasswordChangedHeading")}</h2>
<p>${msg("kenpoMailGreeting", unionName)}</p>
<p>${msg("kenpoPasswordChangedLead", loginId)}<br>${msg("kenpoPasswordChangedAt", changedAt)}</p>
<p>${msg("kenpoPasswordChangedNotYou", unionName)}<br>${msg("kenpoMailNoReply")}</p>
<p>${unionName}</p>
</@layout.emailLayout>
