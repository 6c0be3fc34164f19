<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading=added?then("kenpoPasskeyAddedHeading", "kenpoPasskeyRemovedHeading")>
${msg(added?then("kenpoPasskeyAddedLead", byUnion?then("kenpoPasskeyRemovedByUnionLead", "kenpoPasskeyRemovedLead")), loginId)}
${msg("kenpoPasskeyNoticeAt", at)}

${msg(added?then("kenpoPasskeyAddedNotYou", byUnion?then("kenpoPasskeyRemovedByUnionNotYou", "kenpoPasskeyRemovedNotYou")), unionName)}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
