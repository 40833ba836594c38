package dev.baton.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MethodsTest {
  @ParameterizedTest
  @CsvSource({
    "reserve, RESERVE",
    "printLabel, PRINT_LABEL",
    "getURL, GET_URL",
    "parseHTTPResponse, PARSE_HTTP_RESPONSE",
    "step2Go, STEP2_GO",
    "do_step, DO_STEP",
    "X, X"
  })
  void constantNameIsUpperSnakeCase(String method, String constant) {
    assertThat(Methods.constantName(method)).isEqualTo(constant);
  }
}
