<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("kenpoMailGreeting", unionName)}</p>
<p>${msg("kenpoHouseholdNoticeLead")}<br>${msg("kenpoHouseholdNoticeAt", issuedAt)}</p>
<p>${msg("kenpoHouseholdNoticeNotYou", unionName)}<br>${msg("kenpoMailNoReply")}</p>
<p>${unionName}</p>
</@layout.emailLayout>
