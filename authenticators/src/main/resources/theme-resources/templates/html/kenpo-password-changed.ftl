<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoPasswordChangedHeading">
<p>${msg("kenpoPasswordChangedLead", loginId)}<br>${msg("kenpoPasswordChangedAt", changedAt)}</p>
<p>${msg("kenpoPasswordChangedNotYou", unionName)}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
