<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail>
${msg("kenpoHouseholdNoticeLead")}
${msg("kenpoHouseholdNoticeAt", issuedAt)}

${msg("kenpoHouseholdNoticeNotYou", unionName)}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
