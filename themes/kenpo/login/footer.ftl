<#-- Rendered by keycloak.v2's template at the bottom of every login screen; kenpo.js shows it at the top (in the header). -->
<#macro content>
<div class="kenpo-text-size" role="group" hidden aria-labelledby="kenpo-text-size-label">
  <span id="kenpo-text-size-label" class="kenpo-text-size__label">${msg("kenpoTextSize")}</span>
  <button type="button" class="kenpo-text-size__button" data-kenpo-text-size="medium" id="kenpo-text-size-medium">${msg("kenpoTextSizeMedium")}</button>
  <button type="button" class="kenpo-text-size__button" data-kenpo-text-size="large" id="kenpo-text-size-large">${msg("kenpoTextSizeLarge")}</button>
</div>
</#macro>
