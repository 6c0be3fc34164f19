<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
${msg("kenpoLookupNoMatchLead")}
${msg("kenpoLookupNoMatchHelp", unionName)}

${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
