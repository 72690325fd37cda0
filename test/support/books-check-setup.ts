import { checkBooksAfterEachTest, isMoneyLane } from './books-watch';

// Jest loads this file before each test file (setupFilesAfterEnv); test files in a money lane get the books check after every test.
if (isMoneyLane(expect.getState().testPath ?? '')) checkBooksAfterEachTest();
