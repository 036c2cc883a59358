package dev.tagline.cli.command;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tagline completion bash|zsh}: a completion script for the shell, generated from the commands themselves. */
@Command(
        name = "completion",
        description = {
            "Print a completion script for bash or zsh.",
            "bash: source <(tagline completion bash); zsh: the same, in ~/.zshrc (it loads bashcompinit)."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  source <(tagline completion bash)", "  tagline completion zsh > \"${fpath[1]}/_tagline\""})
public final class CompletionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    /** The shells picocli's script serves: it is a bash script that zsh runs through bashcompinit. */
    enum Shell {
        bash,
        zsh
    }

    @Override
    public void run() {
        String script = AutoComplete.bash("tagline", spec.root().commandLine());
        if (shell == Shell.zsh) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
    }
}
