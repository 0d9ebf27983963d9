using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Auth;

/// <summary>
/// Validates the Bot Connector's JWT on an inbound activity, exactly as the protocol requires: issuer,
/// audience (our app id), lifetime with 5 minutes of skew, RS256/384/512 signature with a current key,
/// the <c>serviceurl</c> claim equal to the activity's serviceUrl, and the key endorsed for its channel.
/// </summary>
public sealed partial class BotTokenValidator(
    OpenIdKeyProvider keyProvider,
    TrustedServiceUrls trustedServiceUrls,
    IOptions<BotAuthOptions> options,
    TimeProvider clock,
    ILogger<BotTokenValidator> log)
{
    static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<InboundAuthResult> ValidateAsync(string? authorization, Activity activity, CancellationToken ct)
    {
        var result = await CheckAsync(authorization, activity, ct);
        if (result.IsAccepted) trustedServiceUrls.Trust(activity.ServiceUrl!);
        else LogRejected(log, result.StatusCode, result.Failure!);
        return result;
    }

    async Task<InboundAuthResult> CheckAsync(string? authorization, Activity activity, CancellationToken ct)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization)) return InboundAuthResult.MissingToken();
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return InboundAuthResult.Rejected("not a bearer token");
        var token = authorization[scheme.Length..].Trim();
        if (!Handler.CanReadToken(token)) return InboundAuthResult.Rejected("malformed token");

        var keyId = new JsonWebToken(token).Kid;
        var keys = await keyProvider.GetKeysAsync(keyId, ct);
        var validation = await Handler.ValidateTokenAsync(token, Parameters(keys));
        if (!validation.IsValid)
            return InboundAuthResult.Rejected(validation.Exception?.GetType().Name ?? "invalid token");

        var claimedServiceUrl = validation.Claims.TryGetValue("serviceurl", out var s) ? s as string : null;
        if (activity.ServiceUrl is null || !string.Equals(claimedServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return InboundAuthResult.Rejected("serviceurl claim does not match the activity");

        var signingKeyId = validation.SecurityToken is JsonWebToken jwt ? jwt.Kid : null;
        if (activity.ChannelId is null || !keys.IsEndorsedFor(signingKeyId, activity.ChannelId))
            return InboundAuthResult.Rejected($"signing key is not endorsed for channel '{activity.ChannelId}'");

        return InboundAuthResult.Accepted;
    }

    TokenValidationParameters Parameters(SigningKeySet keys) => new()
    {
        ValidIssuer = BotAuthOptions.BotFrameworkIssuer,
        ValidAudience = options.Value.AppId,
        IssuerSigningKeys = keys.Keys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        ClockSkew = TimeSpan.FromMinutes(5),
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        // Lifetime is judged against our TimeProvider so tests can move the clock.
        LifetimeValidator = (notBefore, expires, _, p) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return expires is { } exp && now <= exp + p.ClockSkew && (notBefore is not { } nbf || now >= nbf - p.ClockSkew);
        },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected inbound activity ({Status}): {Why}")]
    static partial void LogRejected(ILogger logger, int status, string why);
}
