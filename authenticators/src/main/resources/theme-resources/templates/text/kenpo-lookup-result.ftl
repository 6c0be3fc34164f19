<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
${msg("kenpoLookupResultLead")}

${link}

<#if opensAt??>
${msg("kenpoLookupResultOpensAt", opensAt)}
${msg("kenpoLookupResultValidityFrom", validityHours)}
<#else>
${msg("kenpoLookupResultValidity", validityHours)}
</#if>
${msg("kenpoLookupResultOnce")}
${msg("kenpoLookupResultNotIssued", unionName)}
${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
