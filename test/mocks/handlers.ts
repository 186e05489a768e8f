// The tests and the demo use the mock backend the package ships (login-help/mock-backend).
export * from '../../src/mock-backend.js';
