<#ftl output_format="plainText">
${msg("kenpoMailGreeting", unionName)}

${msg("kenpoHouseholdNoticeLead")}
${msg("kenpoHouseholdNoticeAt", issuedAt)}

${msg("kenpoHouseholdNoticeNotYou", unionName)}
${msg("kenpoMailNoReply")}

${unionName}
