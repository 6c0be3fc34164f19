<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading=added?then("kenpoPasskeyAddedHeading", "kenpoPasskeyRemovedHeading")>
<p>${msg(added?then("kenpoPasskeyAddedLead", byUnion?then("kenpoPasskeyRemovedByUnionLead", "kenpoPasskeyRemovedLead")), loginId)}<br>${msg("kenpoPasskeyNoticeAt", at)}</p>
<p>${msg(added?then("kenpoPasskeyAddedNotYou", byUnion?then("kenpoPasskeyRemovedByUnionNotYou", "kenpoPasskeyRemovedNotYou")), unionName)}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
