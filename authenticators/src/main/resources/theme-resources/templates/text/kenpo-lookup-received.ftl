<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
${msg("kenpoLookupReceivedLead_" + delivery)}

${msg("kenpoLookupReceivedHelp_" + delivery, unionName)}
${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
