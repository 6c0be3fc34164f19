<#ftl output_format="plainText">
${msg("kenpoPostalNoticeText")}
${msg("kenpoPostalNoticeId", requestId)}

${unionName}
