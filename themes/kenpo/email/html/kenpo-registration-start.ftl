<#import "template.ftl" as layout>
<@layout.emailLayout>
<h2>${msg("kenpoRegistrationStartHeading")}</h2>
<p>${msg("kenpoMailGreeting", unionName)}</p>
<p>${msg("kenpoRegistrationStartLead")}</p>
<p><a id="registration-link" href="${link}">${link}</a></p>
<p><#if validityInHours>${msg("kenpoRegistrationStartValidity", validityHours)}<#else>${msg("kenpoRegistrationStartValidityMinutes", validityMinutes)}</#if><br>
${msg("kenpoMailDiscard")}<br>
${msg("kenpoMailNoReply")}</p>
<p>${unionName}</p>
</@layout.emailLayout>
