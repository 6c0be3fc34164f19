<#import "field.ftl" as field>
<#-- Pieces shared by the pack's screens. -->

<#--
  A field's errors, one per line. Keycloak joins several errors of one field into one run of text,
  which is hard to read, so the pack files a field's second and later errors as name#2, name#3 …
  (jp.kenpo.keycloak.common.FieldErrors) and they are put back together here, each sanitised.
-->
<#function fieldErrors name>
  <#local lines = []>
  <#list 1..9 as n>
    <#local key = (n == 1)?then(name, name + "#" + n)>
    <#if messagesPerField.existsError(key)>
      <#local lines = lines + [kcSanitize(messagesPerField.get(key))]>
    </#if>
  </#list>
  <#if lines?has_content>
    <#return lines?join("<br>")?no_esc>
  </#if>
  <#return "">
</#function>
<#macro intro text>
  <p class="kenpo-intro" id="kenpo-intro">${text}</p>
</#macro>

<#-- パスワードを表示する: a plain checkbox, as in the union's manual, that reveals every password field of the form. -->
<#macro revealPassword form>
  <div class="${properties.kcCheckboxClass}">
    <label for="kenpo-show-password" class="${properties.kcCheckboxClass}">
      <input class="${properties.kcCheckboxInputClass}" type="checkbox" id="kenpo-show-password" data-kenpo-reveal="${form}"/>
      <span class="${properties.kcCheckboxLabelClass}">${msg("kenpoShowPassword")}</span>
    </label>
  </div>
</#macro>

<#-- A password input without keycloak.v2's eye button (the checkbox above does that job); paste and password managers work. -->
<#macro passwordInput name label autocomplete="current-password" error="" autofocus=false>
  <@field.group name=name label=label error=error>
    <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
      <input id="${name}" name="${name}" type="password" autocomplete="${autocomplete}" <#if autofocus>autofocus</#if>
             aria-invalid="<#if error?has_content>true</#if>"/>
    </span>
  </@field.group>
</#macro>

<#-- A text input that keeps what the member typed after an error. -->
<#macro textInput name label value="" autocomplete="off" type="text" autofocus=false>
  <#local error = fieldErrors(name)>
  <@field.group name=name label=label error=error>
    <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
      <input id="${name}" name="${name}" value="${value}" type="${type}" autocomplete="${autocomplete}" <#if autofocus>autofocus</#if>
             aria-invalid="<#if error?has_content>true</#if>"/>
    </span>
  </@field.group>
</#macro>

<#-- ログイン画面 as a button: back to a fresh login (or to href, e.g. the account console). -->
<#macro loginScreenButton primary=false href="">
  <div class="kenpo-links">
    <a id="kenpo-to-login" class="${primary?then(properties.kcButtonPrimaryClass, properties.kcButtonSecondaryClass)} ${properties.kcButtonBlockClass}"
       href="${href?has_content?then(href, url.loginRestartFlowUrl)}">${msg("kenpoToLoginScreen")}</a>
  </div>
</#macro>

<#-- ログイン画面へ戻る as a plain link, under a form. -->
<#macro backToLogin>
  <div class="kenpo-links">
    <a id="kenpo-back-to-login" href="${url.loginRestartFlowUrl}">${msg("kenpoBackToLogin")}</a>
  </div>
</#macro>

<#-- 「ドメインの指定受信など…」: names the realm's sender address (kenpoMailFrom, jp.kenpo.keycloak.common.MailFrom) when it has one. -->
<#macro mailDomainNote>
  <#if kenpoMailFrom?has_content>${msg("kenpoMailDomainNote", kenpoMailFrom)}<#else>${msg("kenpoLookupEmailDomain")}</#if>
</#macro>
