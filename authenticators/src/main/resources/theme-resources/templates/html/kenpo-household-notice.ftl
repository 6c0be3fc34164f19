<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail>
<p>${msg("kenpoHouseholdNoticeLead")}<br>${msg("kenpoHouseholdNoticeAt", issuedAt)}</p>
<p>${msg("kenpoHouseholdNoticeNotYou", unionName)}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
