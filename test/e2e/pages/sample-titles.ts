// Titles of papers in the sample library (resources/sample-library.json) that the tests pick.
export const STARCRAFT = 'StarCraft II: A New Challenge for Reinforcement Learning';
export const ROCKET = 'Lucy-SKG: Learning to Play Rocket League Efficiently Using Deep Reinforcement Learning';
export const PLASTICITY = 'Revisiting Plasticity in Visual Reinforcement Learning: Data, Modules and Training Stages';
