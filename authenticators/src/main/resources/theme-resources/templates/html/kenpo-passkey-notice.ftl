<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading=added?then("kenpoPasskeyAddedHeading", "kenpoPasskeyRemovedHeading")>
<p>${msg(added?then("kenpoPasskeyAddedLead", "kenpoPasskeyRemovedLead"), loginId)}<br>${msg("kenpoPasskeyNoticeAt", at)}</p>
<p>${msg(added?then("kenpoPasskeyAddedNotYou", "kenpoPasskeyRemovedNotYou"), unionName)}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
