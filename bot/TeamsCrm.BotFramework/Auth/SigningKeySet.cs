using Microsoft.IdentityModel.Tokens;

namespace TeamsCrm.BotFramework.Auth;

/// <summary>The Bot Framework's current signing keys, each with the channels it is endorsed for.</summary>
public sealed record SigningKeySet(
    IReadOnlyList<SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> EndorsementsByKeyId,
    DateTimeOffset FetchedAt)
{
    public static readonly SigningKeySet Empty = new([], new Dictionary<string, IReadOnlySet<string>>(), DateTimeOffset.MinValue);

    public bool Has(string? keyId) => keyId is not null && EndorsementsByKeyId.ContainsKey(keyId);

    public bool IsEndorsedFor(string? keyId, string channelId) =>
        keyId is not null && EndorsementsByKeyId.TryGetValue(keyId, out var channels) && channels.Contains(channelId);
}
