<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
${msg("kenpoLookupRegisteredLead")}
${msg("kenpoLookupRegisteredLoginId", loginId)}

${msg("kenpoLookupRegisteredHelp", unionName)}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
