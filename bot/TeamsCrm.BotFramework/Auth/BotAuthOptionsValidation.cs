using Microsoft.Extensions.Options;

namespace TeamsCrm.BotFramework.Auth;

/// <summary>
/// The "Bot" settings checked when the bot starts (Program reads them while building): a malformed id would
/// otherwise surface as a 401/403 on every message, or a token failure at the first reply, far from its cause.
/// </summary>
public sealed class BotAuthOptionsValidation : IValidateOptions<BotAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthOptions o)
    {
        var problems = new List<string>();
        if (!o.IsLocalMode && !Guid.TryParse(o.AppId, out _))
            problems.Add($"Bot:AppId '{o.AppId}' is not a GUID: it is the Azure Bot's Microsoft app id (with a managed identity, its client id).");
        if (!string.IsNullOrWhiteSpace(o.ManagedIdentityClientId) && !Guid.TryParse(o.ManagedIdentityClientId, out _))
            problems.Add($"Bot:ManagedIdentityClientId '{o.ManagedIdentityClientId}' is not a GUID: it is the managed identity's client id.");
        if (!Uri.TryCreate(o.OpenIdMetadataUrl, UriKind.Absolute, out var metadata) || metadata.Scheme is not ("https" or "http"))
            problems.Add($"Bot:OpenIdMetadataUrl '{o.OpenIdMetadataUrl}' is not an http(s) address.");
        foreach (var tenant in o.AllowedTenants.Where(t => !Guid.TryParse(t, out _)))
            problems.Add($"Bot:AllowedTenants entry '{tenant}' is not a GUID: it is an Entra tenant id.");
        if (!o.IsLocalMode && o.EffectiveAllowedTenants.Count == 0)
            problems.Add("Bot:AppId is set but no tenant may talk to the bot: set Bot:TenantId (your tenant) or Bot:AllowedTenants.");
        else if (!o.IsLocalMode && o.AllowedTenants.Length == 0 && !Guid.TryParse(o.TenantId, out _))
            problems.Add($"Bot:TenantId '{o.TenantId}' is not a GUID, so no activity's tenant can match it: set your tenant's id, or list the tenants in Bot:AllowedTenants.");
        if (o.KeyRefreshInterval <= TimeSpan.Zero)
            problems.Add("Bot:KeyRefreshInterval must be positive.");
        if (o.KeyFetchTimeout <= TimeSpan.Zero || o.KeyFetchTimeout > TimeSpan.FromMinutes(1))
            problems.Add($"Bot:KeyFetchTimeout '{o.KeyFetchTimeout}' must be positive and at most a minute: requests wait on the fetch.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
