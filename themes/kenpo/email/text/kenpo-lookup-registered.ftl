<#ftl output_format="plainText">
${msg("kenpoLookupResultHeading")}

${msg("kenpoMailGreeting", unionName)}

${msg("kenpoLookupRegisteredLead")}
${msg("kenpoLookupRegisteredLoginId", loginId)}

${msg("kenpoLookupRegisteredHelp", unionName)}
${msg("kenpoMailNoReply")}

${unionName}
