<#-- Rendered by keycloak.v2's template at the bottom of every login screen; kenpo.js shows it at the top (in the header). -->
<#macro content>
<#-- The union's 問い合わせ先, as the union set it in Realm settings → Localization → Realm overrides
     (jp.kenpo.keycloak.common.UnionContact names the keys); nothing while it is not set. -->
<#if msg("kenpoContactName")?has_content || msg("kenpoContactTel")?has_content || msg("kenpoContactEmail")?has_content || msg("kenpoContactUrl")?has_content>
<section class="kenpo-contact" id="kenpo-contact" aria-labelledby="kenpo-contact-heading">
  <h2 class="kenpo-contact__heading" id="kenpo-contact-heading">${msg("kenpoContactHeading")}</h2>
  <#if msg("kenpoContactName")?has_content><p id="kenpo-contact-name">${msg("kenpoContactName")}</p></#if>
  <#if msg("kenpoContactTel")?has_content>
    <p id="kenpo-contact-tel">${msg("kenpoContactTelLabel")}<a href="tel:${msg("kenpoContactTel")?replace("[^0-9+]", "", "r")}">${msg("kenpoContactTel")}</a><#if msg("kenpoContactHours")?has_content>${msg("kenpoContactHoursInline", msg("kenpoContactHours"))}</#if></p>
  <#elseif msg("kenpoContactHours")?has_content>
    <p id="kenpo-contact-hours">${msg("kenpoContactHours")}</p>
  </#if>
  <#if msg("kenpoContactEmail")?has_content><p id="kenpo-contact-email">${msg("kenpoContactEmailLabel")}<a href="mailto:${msg("kenpoContactEmail")}">${msg("kenpoContactEmail")}</a></p></#if>
  <#if msg("kenpoContactUrl")?has_content><p id="kenpo-contact-url"><a href="${msg("kenpoContactUrl")}" rel="noopener">${msg("kenpoContactUrlLabel")}</a></p></#if>
</section>
</#if>
<#if msg("kenpoContactHelpUrl")?has_content>
<p class="kenpo-links" id="kenpo-help"><a id="kenpo-help-link" href="${msg("kenpoContactHelpUrl")}" rel="noopener">${msg("kenpoContactHelpLink")}</a></p>
</#if>
<div class="kenpo-text-size" role="group" hidden aria-labelledby="kenpo-text-size-label">
  <span id="kenpo-text-size-label" class="kenpo-text-size__label">${msg("kenpoTextSize")}</span>
  <button type="button" class="kenpo-text-size__button" data-kenpo-text-size="medium" id="kenpo-text-size-medium">${msg("kenpoTextSizeMedium")}</button>
  <button type="button" class="kenpo-text-size__button" data-kenpo-text-size="large" id="kenpo-text-size-large">${msg("kenpoTextSizeLarge")}</button>
</div>
</#macro>
