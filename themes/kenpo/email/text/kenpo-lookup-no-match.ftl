<#ftl output_format="plainText">
${msg("kenpoLookupResultHeading")}

${msg("kenpoMailGreeting", unionName)}

${msg("kenpoLookupNoMatchLead")}
${msg("kenpoLookupNoMatchHelp", unionName)}

${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}

${unionName}
