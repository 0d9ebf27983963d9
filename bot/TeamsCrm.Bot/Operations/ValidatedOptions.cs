using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Operations;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and checks it with <typeparamref name="TValidation"/>
    /// when the host starts, so that a bad value stops the bot there with a message naming the setting, not at first use.
    /// A value that does not even convert (a word for a number) stops it there too, with the setting's path.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidation>(this IServiceCollection services, string section)
        where TOptions : class where TValidation : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidation>();
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
