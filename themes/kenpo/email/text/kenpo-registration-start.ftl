<#ftl output_format="plainText">
${msg("kenpoRegistrationStartHeading")}

${msg("kenpoMailGreeting", unionName)}

${msg("kenpoRegistrationStartLead")}

${link}

<#if validityInHours>${msg("kenpoRegistrationStartValidity", validityHours)}<#else>${msg("kenpoRegistrationStartValidityMinutes", validityMinutes)}</#if>
${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}

${unionName}
