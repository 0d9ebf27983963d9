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
    public string? AppSecret { get; set; }
    public string? ManagedIdentityClientId { get; set; }
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkMetadataUrl;
    /// <summary>Signing keys are fetched again at least this often (the Bot Framework rotates them).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);
    /// <summary>A fetch of the metadata and keys gives up after this long (inbound requests may be waiting on it).</summary>
    public TimeSpan KeyFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>No app id: no inbound auth, no outbound tokens, loopback only (the Agents Playground).</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);
}
