package dev.tenet.review.github;

import java.util.Objects;

/** How Tenet authenticates to GitHub: a token (GITHUB_TOKEN, a personal token) or a GitHub App. */
public sealed interface GitHubAuth {

    /** A token sent as is. */
    record Token(String token) implements GitHubAuth {
        public Token {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /**
     * A GitHub App: its id and private key (PEM, PKCS#1 as GitHub issues it, or PKCS#8) sign a JWT
     * that is exchanged for a token of the installation on the repository.
     */
    record App(String appId, String privateKeyPem) implements GitHubAuth {
        public App {
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        }

        @Override
        public String toString() {
            return "App[" + appId + "]";
        }
    }
}
