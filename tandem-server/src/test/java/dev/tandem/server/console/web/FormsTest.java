package dev.tandem.server.console.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormsTest {

    @Test
    void aLocalPathIsKeptAsTheTargetAfterSignIn() {
        assertThat(Forms.localPath("/programs/7?status=Attended")).isEqualTo("/programs/7?status=Attended");
    }

    @Test
    void anythingThatCouldLeaveTheSiteFallsBackToTheDashboard() {
        assertThat(Forms.localPath("https://evil.example/")).isEqualTo("/");
        assertThat(Forms.localPath("//evil.example/")).isEqualTo("/");
        assertThat(Forms.localPath("/\\evil.example")).isEqualTo("/");
        assertThat(Forms.localPath("/ok\r\nSet-Cookie: x=y")).isEqualTo("/");
        assertThat(Forms.localPath(null)).isEqualTo("/");
    }

    @Test
    void anUnreadablePageNumberMeansTheFirstPage() {
        assertThat(Forms.page("3")).isEqualTo(3);
        assertThat(Forms.page("-2")).isEqualTo(1);
        assertThat(Forms.page("two")).isEqualTo(1);
        assertThat(Forms.page(null)).isEqualTo(1);
    }

    @Test
    void pagingCountsRowsAndPages() {
        Paging paging = new Paging(2, 50, 120);

        assertThat(paging.offset()).isEqualTo(50);
        assertThat(paging.pages()).isEqualTo(3);
        assertThat(paging.firstRow()).isEqualTo(51);
        assertThat(paging.lastRow()).isEqualTo(100);
        assertThat(paging.hasPrevious()).isTrue();
        assertThat(paging.hasNext()).isTrue();
        assertThat(new Paging(1, 50, 0).firstRow()).isZero();
    }
}
