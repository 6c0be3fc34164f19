<#import "template.ftl" as layout>
<#-- Every mail of the pack: the realm's email layout, the heading, the union's greeting, the body, the union's name
     and its 問い合わせ先 (Realm settings → Localization → Realm overrides; jp.kenpo.keycloak.common.UnionContact). -->
<#macro mail heading="" greeting=true>
<@layout.emailLayout>
<#if heading?has_content><h2>${msg(heading)}</h2></#if>
<#if greeting><p>${msg("kenpoMailGreeting", unionName)}</p></#if>
<#nested>
<p>${unionName}</p>
<#if msg("kenpoContactName")?has_content || msg("kenpoContactTel")?has_content || msg("kenpoContactEmail")?has_content || msg("kenpoContactUrl")?has_content>
<p id="kenpo-contact">${msg("kenpoContactMailHeading")}<br>
<#if msg("kenpoContactName")?has_content>${msg("kenpoContactName")}<br></#if>
<#if msg("kenpoContactTel")?has_content>${msg("kenpoContactTelLabel")}${msg("kenpoContactTel")}<#if msg("kenpoContactHours")?has_content>${msg("kenpoContactHoursInline", msg("kenpoContactHours"))}</#if><br><#elseif msg("kenpoContactHours")?has_content>${msg("kenpoContactHours")}<br></#if>
<#if msg("kenpoContactEmail")?has_content>${msg("kenpoContactEmailLabel")}${msg("kenpoContactEmail")}<br></#if>
<#if msg("kenpoContactUrl")?has_content><a href="${msg("kenpoContactUrl")}">${msg("kenpoContactUrl")}</a><br></#if>
</p>
</#if>
</@layout.emailLayout>
</#macro>
