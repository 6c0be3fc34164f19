<#ftl output_format="plainText">
${msg("kenpoLookupResultHeading")}

${msg("kenpoMailGreeting", unionName)}

${msg("kenpoLookupResultLead")}

${link}

${msg("kenpoLookupResultOnce")}
${msg("kenpoLookupResultValidity", validityHours)}
${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}

${unionName}
