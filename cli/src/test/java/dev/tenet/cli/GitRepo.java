package dev.tenet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository built in a test with JGit: write files, stage, commit, rename, delete. */
final class GitRepo implements AutoCloseable {
    private final Path root;
    private final Git git;

    private GitRepo(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    static GitRepo init(Path root) throws GitAPIException {
        return new GitRepo(root, Git.init().setDirectory(root.toFile()).setInitialBranch("main").call());
    }

    Path root() {
        return root;
    }

    GitRepo write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    String read(String path) throws IOException {
        return Files.readString(root.resolve(path));
    }

    GitRepo stage(String path) throws GitAPIException {
        git.add().addFilepattern(path).call();
        return this;
    }

    GitRepo delete(String path) throws GitAPIException {
        git.rm().addFilepattern(path).call();
        return this;
    }

    GitRepo rename(String from, String to) throws IOException, GitAPIException {
        String content = read(from);
        git.rm().addFilepattern(from).call();
        write(to, content);
        return stage(to);
    }

    /** Stages everything (new, changed and deleted files) and commits; returns the commit id. */
    String commitAll(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Test", "test@example.com");
        RevCommit commit = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
        return commit.getName();
    }

    @Override
    public void close() {
        git.close();
    }
}
