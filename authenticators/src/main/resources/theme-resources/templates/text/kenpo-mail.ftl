<#ftl output_format="plainText">
<#-- Every mail of the pack: the heading, the union's greeting, the body, the union's name and its 問い合わせ先
     (Realm settings → Localization → Realm overrides; jp.kenpo.keycloak.common.UnionContact). -->
<#macro mail heading="" greeting=true>
<#if heading?has_content>
${msg(heading)}

</#if>
<#if greeting>
${msg("kenpoMailGreeting", unionName)}

</#if>
<#nested>

${unionName}
<#if msg("kenpoContactName")?has_content || msg("kenpoContactTel")?has_content || msg("kenpoContactEmail")?has_content || msg("kenpoContactUrl")?has_content>

${msg("kenpoContactMailHeading")}
<#if msg("kenpoContactName")?has_content>
${msg("kenpoContactName")}
</#if>
<#if msg("kenpoContactTel")?has_content>
${msg("kenpoContactTelLabel")}${msg("kenpoContactTel")}<#if msg("kenpoContactHours")?has_content>${msg("kenpoContactHoursInline", msg("kenpoContactHours"))}</#if>
<#elseif msg("kenpoContactHours")?has_content>
${msg("kenpoContactHours")}
</#if>
<#if msg("kenpoContactEmail")?has_content>
${msg("kenpoContactEmailLabel")}${msg("kenpoContactEmail")}
</#if>
<#if msg("kenpoContactUrl")?has_content>
${msg("kenpoContactUrl")}
</#if>
</#if>
</#macro>
