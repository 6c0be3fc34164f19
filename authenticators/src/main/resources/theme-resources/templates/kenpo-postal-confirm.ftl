<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-postal-confirm.ftl -->
    <#if section = "header">
        ${msg("kenpoPostalConfirmTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoPostalConfirmIntro") />
        <dl class="kenpo-credentials kenpo-confirm" id="kenpo-postal-values">
            <dt>${msg("kenpoPostalName")}</dt><dd id="confirm-name">${kenpoPostal.familyName} ${kenpoPostal.givenName}</dd>
            <dt>${msg("kenpoPostalKana")}</dt><dd id="confirm-kana">${kenpoPostal.familyKana} ${kenpoPostal.givenKana}</dd>
            <dt>${msg("kenpoPostalSymbolNumber")}</dt><dd id="confirm-number">${kenpoPostal.symbol} ・ ${kenpoPostal.number}</dd>
            <dt>${msg("kenpoPostalPhone")}</dt><dd id="confirm-phone">${kenpoPostal.phone}</dd>
            <dt>${msg("kenpoPostalCategory")}</dt><dd>${msg("kenpoPostalCategory_" + kenpoPostal.category)}</dd>
            <dt>${msg("kenpoPostalMessage")}</dt><dd>${kenpoPostal.message}</dd>
            <dt>${msg("kenpoPostalCode")}</dt><dd id="confirm-postal-code">${kenpoPostal.postalCode}</dd>
            <dt>${msg("kenpoPostalAddress")}</dt><dd id="confirm-address">${kenpoPostal.address}</dd>
        </dl>
        <form id="kenpo-postal-submit-form" action="${url.loginAction}" method="post" novalidate="novalidate">
            <button class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}" type="submit" name="kenpoPostalSubmit" value="1" id="kenpo-postal-submit">${msg("kenpoDoSendShort")}</button>
            <button class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}" type="submit" name="kenpoPostalBack" value="1" id="kenpo-postal-back">${msg("kenpoDoFix")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
