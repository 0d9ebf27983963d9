namespace TeamsCrm.Bot.Teams;

/// <summary>
/// What <see cref="ConversationRecorder"/> remembers having saved (the user and conversation references of recent turns),
/// so that a turn writes only what changed. <see cref="LocalSavedReferences"/> remembers in the process;
/// <see cref="RedisSavedReferences"/> for every instance, where forgetting one (a conversation marked blocked or
/// removed) reaches them all.
/// </summary>
public interface ISavedReferences
{
    /// <summary>Whether <paramref name="value"/> is what was saved last under <paramref name="key"/>, and not forgotten since.</summary>
    Task<bool> IsSavedAsync(string key, object value);

    Task RememberAsync(string key, object value);

    Task ForgetAsync(string key);

    /// <summary>Whether a <see cref="ForgetAsync"/> on any instance reaches this one: a remembered conversation then needs no read of its marks.</summary>
    bool SeesEveryInstance { get; }
}
