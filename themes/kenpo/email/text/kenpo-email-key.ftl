<#ftl output_format="plainText">
${msg("kenpoEmailKeyHeading")}

${msg("kenpoMailGreeting", unionName)}

${msg("kenpoEmailKeyLead", msg("kenpoPortalName"))}
${msg("kenpoEmailKeyInstruction")}

${msg("kenpoEmailKeyLabel")}${emailKey}

${msg("kenpoEmailKeyValidity", validityMinutes)}
${msg("kenpoEmailKeyPageClosed")}
${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}

${unionName}
