namespace TeamsCrm.BotFramework.Auth;

/// <summary>Configuration section "Bot". With no <see cref="AppId"/> the bot runs in local mode.</summary>
public sealed class BotAuthOptions
{
    public const string Section = "Bot";
    public const string BotFrameworkMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ConnectorScope = "https://api.botframework.com/.default";

    public string? AppId { get; set; }
    public string? TenantId { get; set; }
    /// <summary>
    /// With an app id, activities are accepted only from these tenants (Entra tenant ids); empty = <see cref="TenantId"/>
    /// alone. When set, it replaces that default: list your own tenant too.
    /// </summary>
    public string[] AllowedTenants { get; set; } = [];
    public string? AppSecret { get; set; }
    public string? ManagedIdentityClientId { get; set; }
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkMetadataUrl;
    /// <summary>Signing keys are fetched again at least this often (the Bot Framework rotates them).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);
    /// <summary>A fetch of the metadata and keys gives up after this long (inbound requests may be waiting on it).</summary>
    public TimeSpan KeyFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>No app id: no inbound auth, no outbound tokens, loopback only (the Agents Playground).</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>The tenants activities are accepted from when an app id is set.</summary>
    public IReadOnlyList<string> EffectiveAllowedTenants =>
        AllowedTenants.Length > 0 ? AllowedTenants : string.IsNullOrWhiteSpace(TenantId) ? [] : [TenantId];

    public bool IsTenantAllowed(string tenantId) =>
        EffectiveAllowedTenants.Any(allowed => string.Equals(allowed.Trim(), tenantId, StringComparison.OrdinalIgnoreCase));
}
