<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
${msg("kenpoLookupResultLead")}

${link}

${msg("kenpoLookupResultOnce")}
${msg("kenpoLookupResultValidity", validityHours)}
${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
