<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-lookup-household.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupHouseholdTitle")}
    <#elseif section = "form">
        <#if kenpoHouseholdState = "stop" || kenpoHouseholdState = "approve">
            <@kenpo.intro text=msg("kenpoLookupHousehold_" + kenpoHouseholdState) />
            <form id="kenpo-lookup-${kenpoHouseholdState}-form" action="${kenpoHouseholdAction}" method="post">
                <input type="hidden" name="key" value="${kenpoHouseholdKey}"/>
                <button class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}" type="submit"
                        id="kenpo-lookup-${kenpoHouseholdState}">${msg("kenpoLookupHouseholdButton_" + kenpoHouseholdState)}</button>
            </form>
        <#else>
            <p class="kenpo-notice" id="kenpo-lookup-${kenpoHouseholdState}">${msg("kenpoLookupHousehold_" + kenpoHouseholdState, kenpoUnion)}</p>
        </#if>
    </#if>
</@layout.registrationLayout>
