<#ftl output_format="plainText">
${msg("kenpoPasswordChangedHeading")}

${msg("kenpoMailGreeting", unionName)}

${msg("kenpoPasswordChangedLead", loginId)}
${msg("kenpoPasswordChangedAt", changedAt)}

${msg("kenpoPasswordChangedNotYou", unionName)}
${msg("kenpoMailNoReply")}

${unionName}
